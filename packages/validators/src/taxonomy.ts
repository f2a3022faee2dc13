import { z } from 'zod';
import { localeSchema } from './common';

/** The service-type taxonomy for a category filter, labelled in `language`. */
export const taxonomyTermsInput = z
  .object({ language: localeSchema.default('en') })
  .default({ language: 'en' });
