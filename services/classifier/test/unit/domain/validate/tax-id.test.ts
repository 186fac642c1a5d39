import { checkIban } from '../../../../src/domain/validate/iban';
import { checkEuVat } from '../../../../src/domain/validate/eu-vat';
import {
  checkArgentineCuit,
  checkChileanRut,
  checkColombianNit,
  checkEcuadorianRuc,
  checkPeruvianRuc,
} from '../../../../src/domain/validate/latam-tax-id';
import { checkCif, checkNie, checkNif } from '../../../../src/domain/validate/spanish-tax-id';
import { checkTaxId } from '../../../../src/domain/validate/tax-id';

describe('IBAN', () => {
  test.each([
    'ES91 2100 0418 4502 0005 1332',
    'GB82WEST12345698765432',
    'DE89 3704 0044 0532 0130 00',
    'FR1420041010050500013M02606',
  ])('when the IBAN is %s, then it is valid', (iban) => expect(checkIban(iban).valid).toBe(true));
  test.each(['ES91 2100 0418 4502 0005 1333', 'GB82WEST1234569876543', 'XX00 1234'])(
    'when the IBAN is %s, then it is invalid',
    (iban) => expect(checkIban(iban).valid).toBe(false),
  );
});

describe('Spanish NIF / NIE / CIF', () => {
  test('when a DNI letter matches mod 23, then the NIF is valid', () => {
    expect(checkNif('12345678Z').valid).toBe(true);
    expect(checkNif('12345678-z').valid).toBe(true);
    expect(checkNif('12345678A').valid).toBe(false);
  });
  test('when an NIE prefix is replaced by its digit, then the DNI rule applies', () => {
    expect(checkNie('X1234567L').valid).toBe(true);
    expect(checkNie('Y1234567X').valid).toBe(true);
    expect(checkNie('Z1234567R').valid).toBe(true);
    expect(checkNie('X1234567A').valid).toBe(false);
  });
  test.each(['A28015865', 'A48010615', 'A46103834', 'B58378431', 'ESA28015865'])(
    'when the CIF is %s (a real company), then it is valid',
    (id) => expect(checkTaxId(id).valid).toBe(true),
  );
  test.each(['A28015866', 'B58378432', 'I12345678'])(
    'when the CIF is %s, then it is invalid',
    (id) => expect(checkCif(id).valid).toBe(false),
  );
});

describe('Latin American tax ids', () => {
  test.each(['890903938-8', '899999068-1', '890900608-9', '860034313-7', '890.903.938-8'])(
    'when the NIT is %s (a real company), then it is valid',
    (id) => expect(checkColombianNit(id).valid).toBe(true),
  );
  test.each(['890903938-7', '899999068-2'])(
    'when the NIT is %s, then the check digit fails',
    (id) => expect(checkColombianNit(id).valid).toBe(false),
  );
  test.each(['1790016919001', '1790010937001', '1760001550001'])(
    'when the Ecuadorian RUC is %s, then it is valid',
    (id) => expect(checkEcuadorianRuc(id).valid).toBe(true),
  );
  test.each(['1790016918001', '9990016919001', '1790016919000', '179001691900'])(
    'when the Ecuadorian RUC is %s, then it is invalid',
    (id) => expect(checkEcuadorianRuc(id).valid).toBe(false),
  );
  test.each(['20131312955', '20100113610', '20100053455', '20100047218'])(
    'when the Peruvian RUC is %s (a real company), then it is valid',
    (id) => expect(checkPeruvianRuc(id).valid).toBe(true),
  );
  test.each(['20131312956', '30131312955', '2013131295'])(
    'when the Peruvian RUC is %s, then it is invalid',
    (id) => expect(checkPeruvianRuc(id).valid).toBe(false),
  );
});

describe('Chilean RUT and Argentine CUIT', () => {
  test.each(['76.482.915-8', '77215480-1', '76.930.441-K', '96781530-6'])(
    'when the RUT is %s, then it is valid',
    (id) => expect(checkChileanRut(id).valid).toBe(true),
  );
  test.each(['76.482.915-7', '77215480-K', '123-4'])(
    'when the RUT is %s, then it is invalid',
    (id) => expect(checkChileanRut(id).valid).toBe(false),
  );
  test.each(['20-31456789-8', '30-71234567-1', '27339124588'])(
    'when the CUIT is %s, then it is valid',
    (id) => expect(checkArgentineCuit(id).valid).toBe(true),
  );
  test.each(['20-31456789-7', '20-28456712-0', '40-12345678-9'])(
    'when the CUIT is %s, then it is invalid',
    (id) => expect(checkArgentineCuit(id).valid).toBe(false),
  );
  test('when a dashed id could be a Colombian NIT or a Chilean RUT, then the valid reading wins', () => {
    expect(checkTaxId('76118903-4').scheme).toBe('cl_rut');
    expect(checkTaxId('76.930.441-K')).toMatchObject({ scheme: 'cl_rut', valid: true });
    expect(checkTaxId('890903938-8').scheme).toBe('co_nit');
    expect(checkTaxId('20-31456789-8')).toMatchObject({ scheme: 'ar_cuit', valid: true });
    expect(checkTaxId('20314567898', 'cuit').scheme).toBe('ar_cuit');
    expect(checkTaxId('20131312955').scheme).toBe('pe_ruc');
  });
});

describe('EU VAT and scheme detection', () => {
  test.each([
    'DE136695976',
    'FR40303265045',
    'IT00743110157',
    'NL004495445B01',
    'GB980780684',
    'ESB58378431',
  ])('when the VAT number is %s, then it is valid', (id) =>
    expect(checkEuVat(id).valid).toBe(true),
  );
  test.each(['DE136695977', 'FR40303265046', 'IT00743110158'])(
    'when the VAT number is %s, then it is invalid',
    (id) => expect(checkEuVat(id).valid).toBe(false),
  );
  test('when an id is given, then its scheme is recognised by shape', () => {
    expect(checkTaxId('B58378431').scheme).toBe('es_cif');
    expect(checkTaxId('X1234567L').scheme).toBe('es_nie');
    expect(checkTaxId('890903938-8').scheme).toBe('co_nit');
    expect(checkTaxId('1790016919001').scheme).toBe('ec_ruc');
    expect(checkTaxId('20131312955').scheme).toBe('pe_ruc');
    expect(checkTaxId('DE136695976').scheme).toBe('eu_vat');
    expect(checkTaxId('hello').scheme).toBeUndefined();
  });
});
