/**
 * How each country names a payslip and its lines: Spanish *nómina*, Argentine *recibo de
 * haberes*, Colombian *colilla de pago*, Peruvian *boleta de pago*, Mexican *recibo de nómina*,
 * Chilean *liquidación de sueldo*, Ecuadorian *rol de pagos*, US earnings statements, UK payslips.
 * A deduction's number is its rate in percent of gross pay; without one it is a free amount.
 */
export interface PayslipVocabulary {
  title: string[];
  employer: string[];
  employee: string[];
  period: string[];
  earningsHeading: string[];
  deductionsHeading: string[];
  earnings: string[];
  deductions: [string, number?][];
  gross: string[];
  deductionsTotal: string[];
  net: string[];
  extra: string[];
  footer: string[];
  /** Salary level against the generator's base range. */
  factor: number;
}

export const PAYSLIP_VOCABULARY: Record<string, PayslipVocabulary> = {
  AR: {
    title: [
      'RECIBO DE HABERES',
      'Recibo de sueldo',
      'RECIBO DE REMUNERACIONES',
      'LIQUIDACIÓN DE HABERES',
    ],
    employer: ['Empleador', 'Razón social', 'Empresa'],
    employee: ['Apellido y nombre', 'Empleado', 'Nombre y apellido'],
    period: ['Período abonado', 'Período de liquidación', 'Periodo'],
    earningsHeading: ['HABERES', 'Remunerativo', 'CONCEPTOS REMUNERATIVOS'],
    deductionsHeading: ['DESCUENTOS', 'Retenciones', 'DEDUCCIONES'],
    earnings: [
      'Sueldo básico',
      'Antigüedad',
      'Presentismo',
      'Horas extras 50%',
      'Adicional convenio',
    ],
    deductions: [
      ['Jubilación', 11],
      ['Ley 19.032', 3],
      ['Obra social', 3],
      ['Cuota sindical', 2],
      ['Seguro de vida'],
    ],
    gross: ['Total remunerativo', 'TOTAL HABERES', 'Total bruto'],
    deductionsTotal: ['Total descuentos', 'TOTAL DEDUCCIONES', 'Total retenciones'],
    net: ['NETO A COBRAR', 'Neto a cobrar', 'TOTAL NETO'],
    extra: ['CUIL', 'Legajo', 'Categoría', 'Fecha de ingreso', 'Convenio'],
    footer: [
      'Recibí el importe neto de la presente liquidación y copia de este recibo.',
      'Firma del empleado',
      'Lugar y fecha de pago',
    ],
    factor: 1,
  },
  CO: {
    title: [
      'COLILLA DE PAGO',
      'Comprobante de nómina',
      'DESPRENDIBLE DE PAGO',
      'COLILLA DE NÓMINA',
      'Comprobante de pago de nómina',
    ],
    employer: ['Empresa', 'Empleador'],
    employee: ['Empleado', 'Nombre', 'Trabajador'],
    period: ['Periodo de pago', 'Periodo', 'Fecha de pago'],
    earningsHeading: ['DEVENGADOS', 'Devengos', 'INGRESOS'],
    deductionsHeading: ['DEDUCCIONES', 'Deducidos', 'DESCUENTOS'],
    earnings: [
      'Salario básico',
      'Auxilio de transporte',
      'Horas extra diurnas',
      'Recargo nocturno',
      'Comisiones',
    ],
    deductions: [
      ['Salud', 4],
      ['Pensión', 4],
      ['Fondo de solidaridad pensional', 1],
      ['Retención en la fuente'],
      ['Libranza'],
    ],
    gross: ['Total devengado', 'TOTAL DEVENGADOS', 'Total ingresos'],
    deductionsTotal: ['Total deducciones', 'TOTAL DEDUCIDO'],
    net: ['NETO A PAGAR', 'Neto pagado', 'Total a pagar'],
    extra: ['C.C.', 'Cargo', 'Centro de costo', 'Días laborados'],
    footer: ['Pagado por transferencia a cuenta de nómina', 'Este comprobante no requiere firma'],
    factor: 1,
  },
  PE: {
    title: [
      'BOLETA DE PAGO',
      'BOLETA DE REMUNERACIONES',
      'Boleta de pago de remuneraciones',
      'BOLETA DE PAGO DE HABERES',
    ],
    employer: ['Empleador', 'Razón social', 'Empresa'],
    employee: ['Trabajador', 'Apellidos y nombres', 'Colaborador'],
    period: ['Periodo', 'Mes', 'Periodo de pago'],
    earningsHeading: ['INGRESOS', 'Remuneraciones'],
    deductionsHeading: ['DESCUENTOS', 'Retenciones'],
    earnings: [
      'Remuneración básica',
      'Asignación familiar',
      'Horas extras 25%',
      'Bonificación',
      'Movilidad',
    ],
    deductions: [
      ['AFP aporte obligatorio', 10],
      ['AFP prima de seguro', 1.37],
      ['AFP comisión', 1.55],
      ['ONP', 13],
      ['Renta de 5ta categoría'],
    ],
    gross: ['TOTAL INGRESOS', 'Total remuneraciones', 'Total ingresos'],
    deductionsTotal: ['TOTAL DESCUENTOS', 'Total retenciones'],
    net: ['NETO A PAGAR', 'Neto a pagar', 'NETO A RECIBIR'],
    extra: ['DNI', 'CUSPP', 'Cargo', 'Fecha de ingreso', 'Días laborados', 'Régimen pensionario'],
    footer: ['Aportes del empleador: EsSalud 9%', 'D.S. N° 001-98-TR'],
    factor: 1,
  },
  MX: {
    title: ['RECIBO DE NÓMINA', 'Recibo de nómina', 'COMPROBANTE DE NÓMINA', 'CFDI de nómina'],
    employer: ['Empresa', 'Patrón', 'Razón social', 'Empleador'],
    employee: ['Empleado', 'Trabajador', 'Nombre'],
    period: ['Periodo de pago', 'Periodo', 'Fecha inicial - final de pago'],
    earningsHeading: ['PERCEPCIONES', 'Percepciones'],
    deductionsHeading: ['DEDUCCIONES', 'Deducciones'],
    earnings: [
      'Sueldo',
      'Horas extra',
      'Premio de puntualidad',
      'Premio de asistencia',
      'Vales de despensa',
    ],
    deductions: [['ISR'], ['IMSS', 2.775], ['Crédito INFONAVIT'], ['Fondo de ahorro', 5]],
    gross: ['Total percepciones', 'TOTAL PERCEPCIONES'],
    deductionsTotal: ['Total deducciones', 'TOTAL DEDUCCIONES'],
    net: ['NETO A PAGAR', 'Neto del recibo', 'Total neto pagado'],
    extra: ['RFC', 'CURP', 'NSS', 'Días pagados', 'Periodicidad'],
    footer: [
      'Este documento es una representación impresa de un CFDI de nómina',
      'Recibí de conformidad',
    ],
    factor: 4,
  },
  CL: {
    title: ['LIQUIDACIÓN DE SUELDO', 'Liquidación de remuneraciones', 'LIQUIDACION DE SUELDO'],
    employer: ['Empresa', 'Empleador', 'Razón social'],
    employee: ['Trabajador', 'Nombre'],
    period: ['Periodo', 'Mes', 'Período de remuneración'],
    earningsHeading: ['HABERES', 'Haberes imponibles'],
    deductionsHeading: ['DESCUENTOS', 'Descuentos legales'],
    earnings: [
      'Sueldo base',
      'Gratificación legal',
      'Horas extra',
      'Bono de producción',
      'Asignación de colación',
    ],
    deductions: [
      ['AFP', 10.58],
      ['Salud Fonasa', 7],
      ['Seguro de cesantía', 0.6],
      ['Impuesto único'],
    ],
    gross: ['Total haberes', 'TOTAL HABERES', 'Total imponible'],
    deductionsTotal: ['Total descuentos', 'TOTAL DESCUENTOS'],
    net: ['LÍQUIDO A PAGAR', 'Alcance líquido', 'Líquido a pagar'],
    extra: ['RUT', 'Cargo', 'Días trabajados', 'Centro de costo'],
    footer: ['Certifico que he recibido a mi entera satisfacción el saldo líquido indicado'],
    factor: 1,
  },
  EC: {
    title: ['ROL DE PAGOS', 'Rol de pagos individual', 'ROL DE PAGO MENSUAL'],
    employer: ['Empresa', 'Empleador'],
    employee: ['Empleado', 'Nombre', 'Trabajador'],
    period: ['Periodo', 'Mes'],
    earningsHeading: ['INGRESOS'],
    deductionsHeading: ['EGRESOS', 'DESCUENTOS'],
    earnings: ['Sueldo', 'Horas extras', 'Décimo tercero', 'Décimo cuarto', 'Fondos de reserva'],
    deductions: [['Aporte IESS personal', 9.45], ['Préstamo quirografario'], ['Anticipo']],
    gross: ['Total ingresos', 'TOTAL INGRESOS'],
    deductionsTotal: ['Total egresos', 'TOTAL DESCUENTOS'],
    net: ['Neto a recibir', 'LÍQUIDO A RECIBIR', 'NETO A PAGAR'],
    extra: ['Cédula', 'Cargo', 'Días trabajados'],
    footer: ['Recibí conforme'],
    factor: 1,
  },
  US: {
    title: [
      'EARNINGS STATEMENT',
      'Pay Stub',
      'Payroll Statement',
      'Statement of Earnings and Deductions',
    ],
    employer: ['Company', 'Employer'],
    employee: ['Employee', 'Employee Name', 'Pay to'],
    period: ['Pay period', 'Period', 'Pay Period'],
    earningsHeading: ['EARNINGS', 'Earnings'],
    deductionsHeading: ['DEDUCTIONS', 'Taxes and Deductions'],
    earnings: ['Regular', 'Overtime', 'Holiday', 'Bonus', 'PTO'],
    deductions: [
      ['Federal Income Tax'],
      ['Social Security', 6.2],
      ['Medicare', 1.45],
      ['State Income Tax'],
      ['401(k)', 5],
      ['Medical'],
    ],
    gross: ['Gross Pay', 'Total Gross', 'GROSS EARNINGS'],
    deductionsTotal: ['Total Deductions', 'Total Taxes & Deductions'],
    net: ['Net Pay', 'NET PAY', 'Net Check'],
    extra: ['Employee ID', 'Check No.', 'Filing Status', 'Dept'],
    footer: ['Direct deposit advice - non-negotiable', 'This is not a check'],
    factor: 1,
  },
  GB: {
    title: ['PAYSLIP', 'Pay Advice', 'Payslip'],
    employer: ['Employer', 'Company'],
    employee: ['Employee', 'Name', 'Employee name'],
    period: ['Pay period', 'Period', 'Tax period'],
    earningsHeading: ['PAYMENTS', 'Earnings'],
    deductionsHeading: ['DEDUCTIONS', 'Deductions'],
    earnings: ['Basic Pay', 'Overtime', 'Holiday Pay', 'Bonus', 'Shift Allowance'],
    deductions: [['PAYE Tax'], ['National Insurance'], ['Pension', 5], ['Student Loan']],
    gross: ['Total Gross Pay', 'Gross Pay', 'Total Payments'],
    deductionsTotal: ['Total Deductions'],
    net: ['Net Pay', 'NET PAY', 'Take Home Pay'],
    extra: ['Tax Code', 'NI Number', 'Payroll No', 'Department'],
    footer: ['Year to date figures are shown on your P60'],
    factor: 1,
  },
};
