import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '@ecampus/contracts';

// NIST SP 800-63B §5.1.1.2: at least 8 (we ask 10) characters, no composition rules, and refuse values from
// lists of commonly used or compromised passwords. The list is zxcvbn-ts's (~49,000 entries, maintained).
const COMMON = new Set<string>((dictionary as Record<string, string[]>)['passwords-common'].map((p) => p.toLowerCase()));

/** Why a password is refused, or null when it is acceptable. `field` names it in the message. */
export function passwordProblem(field: string, value: unknown): string | null {
  if (typeof value !== 'string') return `${field} must be a string`;
  if ([...value].length < PASSWORD_MIN_LENGTH) return `${field} must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (value.length > 200) return `${field} must be at most 200 characters long`;
  const lower = value.toLowerCase();
  // Also refuse a common password merely repeated or padded with spaces ("password  ", "qwertyqwerty").
  const half = lower.length % 2 === 0 ? lower.slice(0, lower.length / 2) : '';
  if (COMMON.has(lower) || COMMON.has(lower.trim()) || (half && half.repeat(2) === lower && COMMON.has(half))) {
    return `${field} is one of the most common passwords; choose a less predictable one (a short sentence works well)`;
  }
  return null;
}

/** class-validator rule: the password policy above. */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isAcceptablePassword',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => passwordProblem(args.property, value) === null,
        defaultMessage: (args: ValidationArguments) => passwordProblem(args.property, args.value) ?? `${args.property} is not acceptable`,
      },
    });
  };
}
