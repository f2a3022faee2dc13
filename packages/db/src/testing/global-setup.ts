import type { TestProject } from 'vitest/node';
import { createTemplate } from '../testing';
import './use-database';

export default async function setup(project: TestProject) {
  const { template, teardown } = await createTemplate();
  project.provide('caremapTemplate', template);
  return teardown;
}
