/**
 * Typed readers of environment variables for config.ts. Each reader returns the default (or a
 * placeholder) on a bad value and records a Problem, so one start-up reports every bad variable at
 * once instead of the first only. Values of secrets and URLs are never copied into a reason.
 */
export interface Problem {
  variable: string;
  reason: string;
}

export interface Reader {
  string(name: string, fallback: string): string;
  integer(name: string, fallback: number, range: { min: number; max: number }): number;
  probability(name: string, fallback: number): number;
  byteSize(name: string, fallback: number): number;
  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[], opts?: { upperCase?: boolean }): T;
  pattern(name: string, fallback: string, re: RegExp, expected: string, opts?: { upperCase?: boolean }): string;
  url(name: string, protocols: readonly string[]): string | undefined;
  secret(name: string, minLength: number): string | undefined;
  /** `off` turns the setting off (null); other values are checked by `reasonIfBad`. */
  optional(name: string, fallback: string, off: string, reasonIfBad: (v: string) => string | undefined): string | null;
  problem(variable: string, reason: string): void;
}

export function parseSettings<T>(env: NodeJS.ProcessEnv, read: (r: Reader) => T): { config: T; problems: Problem[] } {
  const problems: Problem[] = [];
  const config = read(createReader(env, problems));
  return { config, problems };
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function createReader(env: NodeJS.ProcessEnv, problems: Problem[]): Reader {
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const problem = (variable: string, reason: string): void => {
    problems.push({ variable, reason });
  };
  const shown = (v: string): string => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

  return {
    problem,
    string: (name, fallback) => raw(name) ?? fallback,
    integer(name, fallback, { min, max }) {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
      if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
      problem(name, `must be an integer from ${min} to ${max}, got ${shown(v)}`);
      return fallback;
    },
    probability(name, fallback) {
      const v = raw(name);
      if (v === undefined) return fallback;
      const n = /^\d*\.?\d+$/.test(v) ? Number(v) : NaN;
      if (n > 0 && n < 1) return n;
      problem(name, `must be a probability strictly between 0 and 1, got ${shown(v)}`);
      return fallback;
    },
    byteSize(name, fallback) {
      const v = raw(name);
      if (v === undefined) return fallback;
      const m = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(v);
      const n = m ? Number(m[1]) * (BYTE_UNITS[(m[2] ?? '').toLowerCase()] ?? NaN) : NaN;
      if (Number.isSafeInteger(n) && n >= 1024) return n;
      problem(name, `must be a size of at least 1024 bytes such as 1048576, 512kb or 10mb, got ${shown(v)}`);
      return fallback;
    },
    oneOf(name, fallback, allowed, opts) {
      const v = raw(name);
      if (v === undefined) return fallback;
      const candidate = opts?.upperCase ? v.toUpperCase() : v.toLowerCase();
      const found = allowed.find((a) => a === candidate);
      if (found !== undefined) return found;
      problem(name, `must be one of ${allowed.join(', ')}, got ${shown(v)}`);
      return fallback;
    },
    pattern(name, fallback, re, expected, opts) {
      const v = raw(name);
      if (v === undefined) return fallback;
      const candidate = opts?.upperCase ? v.toUpperCase() : v;
      if (re.test(candidate)) return candidate;
      problem(name, `must be ${expected}, got ${shown(v)}`);
      return fallback;
    },
    url(name, protocols) {
      const v = raw(name);
      if (v === undefined) return undefined;
      let protocol: string | undefined;
      try {
        protocol = new URL(v).protocol;
      } catch {
        protocol = undefined;
      }
      if (protocol !== undefined && protocols.includes(protocol)) return v;
      // The URL may hold a password: say what is wrong without echoing it.
      problem(name, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      return undefined;
    },
    secret(name, minLength) {
      const v = raw(name);
      if (v === undefined) return undefined;
      if (v.length >= minLength) return v;
      problem(name, `must be at least ${minLength} characters long (got ${v.length})`);
      return undefined;
    },
    optional(name, fallback, off, reasonIfBad) {
      const v = raw(name) ?? fallback;
      if (v.toLowerCase() === off) return null;
      const reason = reasonIfBad(v);
      if (reason === undefined) return v;
      problem(name, reason);
      return null;
    },
  };
}
