export {
  BudgetRunner,
  createBudgetRunner,
  type BudgetRunnerOptions,
  type BudgetTask,
  type SharedValue,
} from './budget-runner';
export { BUDGET_EXCEEDED_REASON, budgetExceeded, type BudgetBreach } from './budget-exceeded';
