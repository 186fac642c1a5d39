import { errorBodySchema } from '@docflow/contracts';

/** The error answers every route documents (the bodies themselves are REST contracts). */
export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
  503: errorBodySchema,
};
