import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config';

describe('configuration from the environment', () => {
  it('works with nothing set: embedded database, in-process jobs, mail in the outbox, port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', databaseUrl: undefined, redisUrl: undefined, smtpUrl: undefined });
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.sessionMaxHours).toBe(12);
    expect(c.trustProxy).toBe(false);
  });

  it('reads servers and numbers, trims a trailing slash from PUBLIC_URL and lower-cases the admin email', () => {
    const c = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://ecampus.example.org/',
      DATABASE_URL: 'postgres://u@db/ecampus',
      REDIS_URL: 'redis://cache:6379',
      ADMIN_EMAIL: ' Admin@Example.ORG ',
      SESSION_IDLE_MINUTES: '15',
      TRUST_PROXY: 'true',
    });
    expect(c).toMatchObject({ port: 8080, publicUrl: 'https://ecampus.example.org', databaseUrl: 'postgres://u@db/ecampus', redisUrl: 'redis://cache:6379' });
    expect(c.adminEmail).toBe('admin@example.org');
    expect(c.sessionIdleMinutes).toBe(15);
    expect(c.trustProxy).toBe(true);
  });

  it('refuses a value it cannot use, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a non-negative integer, got "eighty"');
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow('DATABASE_URL must start with postgres:// or postgresql://');
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow('REDIS_URL is not a valid URL: "not a url"');
    expect(() => loadConfig({ SESSION_MAX_HOURS: '0' })).toThrow(/SESSION_MAX_HOURS must be a positive number/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
  });
});
