import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Role, UserDto } from '@ecampus/contracts';
import type { RegisterDto } from '../auth/auth.dto';
import { UserEntity } from './user.entity';

// argon2id with the OWASP minimum parameters (19 MiB, 2 iterations, 1 lane).
export const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function toUserDto(u: UserEntity): UserDto {
  return {
    id: u.id, email: u.email, name: u.name, role: u.role, country: u.country, institution: u.institution,
    institutionType: u.institutionType, position: u.position, gender: u.gender, language: u.language,
  };
}

@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(UserEntity);
  }

  findActive(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id, active: true });
  }

  async create(input: RegisterDto, role: Role = 'learner'): Promise<UserEntity> {
    const passwordHash = await hash(input.password, ARGON2);
    try {
      return await this.repo.save(
        this.repo.create({
          email: input.email, passwordHash, name: input.name, role, country: input.country,
          institution: input.institution, institutionType: input.institutionType,
          position: input.position ?? null, gender: input.gender ?? null, language: input.language ?? 'es', active: true,
        }),
      );
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') {
        throw new ConflictException('An account with this email already exists.');
      }
      throw e;
    }
  }

  /** The user whose email and password match, or null; the same work is done when the email is unknown. */
  async authenticate(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: email.toLowerCase() })
      .getOne();
    const stored = user?.passwordHash ?? (await this.dummyHash());
    const ok = await verify(stored, password).catch(() => false);
    return ok && user?.active ? user : null;
  }

  private dummy?: Promise<string>;
  private dummyHash(): Promise<string> {
    this.dummy ??= hash(randomBytes(16).toString('hex'), ARGON2);
    return this.dummy;
  }

  /**
   * Makes sure an admin exists: ADMIN_EMAIL / ADMIN_PASSWORD when given, else a generated password.
   * Returns the login to print when one was created.
   */
  async ensureAdmin(email?: string, password?: string): Promise<{ email: string; password: string; generated: boolean } | null> {
    if (email) {
      const existing = await this.repo.createQueryBuilder('u').where('lower(u.email) = :email', { email }).getOne();
      if (existing) {
        if (existing.role !== 'admin') await this.repo.update(existing.id, { role: 'admin' });
        return null;
      }
    } else if (await this.repo.existsBy({ role: 'admin' })) {
      return null;
    }
    const login = { email: email ?? 'admin@ecampus.local', password: password ?? randomBytes(12).toString('base64url'), generated: !password };
    await this.create(
      {
        email: login.email, password: login.password, name: 'eCampus Admin', country: 'MX', institution: 'eCampus',
        institutionType: 'international-organization', language: 'es',
      },
      'admin',
    );
    return login;
  }
}
