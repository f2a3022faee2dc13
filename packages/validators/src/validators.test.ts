import { describe, expect, it } from 'vitest';
import { bboxSchema, loginInput } from './index';

describe('loginInput', () => {
  it('normalises the e-mail', () => {
    expect(loginInput.parse({ email: '  Anna@Example.CZ ', password: 'x' }).email).toBe('anna@example.cz');
  });
  it('names the field and the problem', () => {
    const result = loginInput.safeParse({ email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    expect(paths).toEqual(['email:invalid_format', 'password:too_small']);
  });
});

describe('bboxSchema', () => {
  it('accepts Kraj Vysočina', () => {
    expect(bboxSchema.parse([14.8, 48.9, 16.4, 49.8])).toHaveLength(4);
  });
  it('rejects an inverted box', () => {
    expect(bboxSchema.safeParse([16.4, 48.9, 14.8, 49.8]).success).toBe(false);
  });
});
