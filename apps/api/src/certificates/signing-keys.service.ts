import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import { encodeToken, type Jwk } from '@ecampus/certificate';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** Key id: the first 16 characters of the base64url SHA-256 of the public key, the same in every process. */
export function kidOf(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  return createHash('sha256').update(x).digest('base64url').slice(0, 16);
}

/** Reads CERTIFICATE_SIGNING_KEY: a PKCS8 PEM or a private JWK (`{"kty":"OKP","crv":"Ed25519","d":…,"x":…}`). */
export function parsePrivateKey(text: string): KeyObject {
  const key = text.trimStart().startsWith('{')
    ? createPrivateKey({ key: JSON.parse(text), format: 'jwk' })
    : createPrivateKey(text.replace(/\\n/g, '\n'));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('CERTIFICATE_SIGNING_KEY must be an Ed25519 private key');
  return key;
}

function publicJwk(privateKey: KeyObject, kid: string): Jwk {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
  return { kty: 'OKP', crv: 'Ed25519', x, kid, use: 'sig', alg: 'EdDSA' };
}

/**
 * The Ed25519 keys that sign certificate tokens and the revocation list. The key is made at first start and kept
 * in the database (or given by CERTIFICATE_SIGNING_KEY); every key ever used stays in the public JWKS.
 */
@Injectable()
export class SigningKeysService {
  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The key that signs now. Read from the database each time, so a rotation by another process takes effect. */
  async active(): Promise<SigningKey> {
    if (this.config.certificateSigningKey) {
      const privateKey = parsePrivateKey(this.config.certificateSigningKey);
      const kid = kidOf(createPublicKey(privateKey));
      // Recorded (public part only) so the key stays listed after the variable changes.
      await this.ds.query(
        `INSERT INTO certificate_signing_keys (kid, public_jwk) VALUES ($1, $2) ON CONFLICT (kid) DO NOTHING`,
        [kid, JSON.stringify(publicJwk(privateKey, kid))],
      );
      return { kid, privateKey };
    }
    const current = await this.current();
    if (current) return current;
    await this.create();
    return (await this.current())!;
  }

  private async current(): Promise<SigningKey | null> {
    const [row]: { kid: string; private_pem: string }[] = await this.ds.query(
      `SELECT kid, private_pem FROM certificate_signing_keys
        WHERE retired_at IS NULL AND private_pem IS NOT NULL ORDER BY created_at DESC, kid LIMIT 1`,
    );
    return row ? { kid: row.kid, privateKey: createPrivateKey(row.private_pem) } : null;
  }

  private async create(retireOthers = false): Promise<string> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const kid = kidOf(createPublicKey(privateKey));
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await this.ds.transaction(async (m) => {
      if (retireOthers) await m.query(`UPDATE certificate_signing_keys SET retired_at = now() WHERE retired_at IS NULL`);
      await m.query(`INSERT INTO certificate_signing_keys (kid, public_jwk, private_pem) VALUES ($1, $2, $3)`, [
        kid,
        JSON.stringify(publicJwk(privateKey, kid)),
        pem,
      ]);
    });
    return kid;
  }

  /** A new key signs from now on; the older ones stay in the JWKS, so certificates they signed stay valid. */
  async rotate(): Promise<{ kid: string; retired: string[] }> {
    if (this.config.certificateSigningKey) {
      throw new Error('CERTIFICATE_SIGNING_KEY is set: rotate by giving a new key in that variable (the old one stays listed).');
    }
    const before: { kid: string }[] = await this.ds.query(`SELECT kid FROM certificate_signing_keys WHERE retired_at IS NULL`);
    const kid = await this.create(true);
    return { kid, retired: before.map((r) => r.kid) };
  }

  /** Every public key, newest first, as a JWKS. */
  async jwks(): Promise<{ keys: Jwk[] }> {
    await this.active(); // the first visitor must not find an empty set
    const rows: { public_jwk: Jwk }[] = await this.ds.query(`SELECT public_jwk FROM certificate_signing_keys ORDER BY created_at DESC, kid`);
    return { keys: rows.map((r) => (typeof r.public_jwk === 'string' ? JSON.parse(r.public_jwk) : r.public_jwk)) };
  }

  /** `v1.<payload>.<signature>` over any JSON object; `k` names the key. */
  async signToken(payload: (kid: string) => object): Promise<{ kid: string; token: string }> {
    const key = await this.active();
    return { kid: key.kid, token: encodeToken(payload(key.kid), (data) => sign(null, data, key.privateKey)) };
  }
}
