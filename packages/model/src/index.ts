// The document-type model the classifier runs and the scheduler's retraining job trains: features,
// softmax regression, training, the model file, the committed base model and the tenant models'
// store.
export { BASE_MODEL_PATH, loadBaseModel } from './base-model';
export { classifyText, type Prediction } from './classify-text';
export { DEFAULT_FEATURES, featurize, type FeatureConfig, type SparseVector } from './features';
export {
  fromModelFile,
  modelFileSchema,
  toModelFile,
  type Classifier,
  type ModelFile,
} from './model-file';
export { createModelStore, type ModelStore, type TenantModelRecord } from './model-store';
export { retrainTenants, type RetrainingSummary } from './retrain-tenants';
export { DEFAULT_TRAIN, rng, type LinearModel, type TrainOptions } from './softmax-regression';
export { loadTenantExamples, retrainTenant } from './tenant-training';
export { DOC_TYPES, trainBaseModel, trainTenantModel, type LabelledText } from './train-model';
