import pino from 'pino';

/**
 * Structured JSON logs. Requests are logged by method, route path, status and duration with their
 * request id; never query strings, bodies, cookies or e-mail addresses (redact guards mistakes).
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'caremap-api' },
    redact: {
      paths: [
        'email',
        'password',
        'cookie',
        'authorization',
        '*.email',
        '*.password',
        '*.cookie',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
