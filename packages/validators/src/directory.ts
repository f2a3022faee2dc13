import { z } from 'zod';
import { bboxSchema, pageInput } from './common';

export const mapPointsInput = z.object({ bbox: bboxSchema.optional() }).default({});
export const locationListInput = pageInput.extend({ bbox: bboxSchema.optional() });
