import type { TestProject } from 'vitest/node';
import { createTemplate, type TemplateRef } from '../testing';

declare module 'vitest' {
  export interface ProvidedContext {
    caremapTemplate: TemplateRef;
  }
}

export default async function setup(project: TestProject) {
  const { template, teardown } = await createTemplate();
  project.provide('caremapTemplate', template);
  return teardown;
}
