import { caremapVitest } from '@caremap/config/vitest';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The log audit reads what all the other files made the server print: it runs after them. */
const LAST = /[\\/]zz-logs\.e2e\.test\.ts$/;
class LogAuditLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((f) => !LAST.test(f.moduleId)), ...sorted.filter((f) => LAST.test(f.moduleId))];
  }
}

// One browser at a time against one server: e2e files run one after another.
export default caremapVitest({
  globalSetup: ['./src/global-setup.ts'],
  fileParallelism: false,
  sequence: { sequencer: LogAuditLast },
  testTimeout: 90_000,
  hookTimeout: 300_000,
  // A shared 2-core runner can be slow to answer a click; a wrong answer still fails, only later.
  expect: { poll: { timeout: 15_000 } },
});
