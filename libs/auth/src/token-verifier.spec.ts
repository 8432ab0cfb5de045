import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DEV_AUDIENCES, DEV_ISSUER, DevIssuer, serviceAudience } from './dev-issuer';
import { SCOPE_CLAIMS } from './principal';
import { CLOCK_TOLERANCE_SECONDS, InvalidTokenError, TokenVerifier, type TokenVerifierOptions } from './token-verifier';

const AUDIENCE = serviceAudience('catalogue');

/** A key pair and its JWKS, to sign tokens with any header and claims. */
async function signer() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  const sign = (claims: JWTPayload, header: Record<string, unknown> = { typ: 'at+jwt' }) =>
    new SignJWT({ [SCOPE_CLAIMS.roles]: ['provider'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header })
      .sign(privateKey as KeyLike);
  return { jwks, sign };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

describe('TokenVerifier', () => {
  let clock: number;
  let jwks: Awaited<ReturnType<typeof signer>>['jwks'];
  let sign: Awaited<ReturnType<typeof signer>>['sign'];
  const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
    new TokenVerifier({ issuer: DEV_ISSUER, audience: AUDIENCE, jwks, now: () => clock, ...options });
  const valid = (extra: JWTPayload = {}) =>
    ({ iss: DEV_ISSUER, aud: AUDIENCE, sub: 'user-1', iat: seconds(clock), exp: seconds(clock) + 3600, ...extra }) as JWTPayload;

  beforeEach(async () => {
    clock = Date.UTC(2027, 0, 20, 10, 0, 0);
    ({ jwks, sign } = await signer());
  });

  it('accepts an access token of its issuer for its audience', async () => {
    const principal = await verifier().verify(await sign(valid()));
    expect(principal).toMatchObject({ subject: 'user-1', roles: ['provider'] });
  });

  it('refuses a token without exp, which would be valid for ever', async () => {
    const { exp: _exp, ...noExp } = valid();
    await expect(verifier().verify(await sign(noExp))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses a token without iat, and one issued in the future beyond the clock tolerance', async () => {
    const { iat: _iat, ...noIat } = valid();
    await expect(verifier().verify(await sign(noIat))).rejects.toThrow(InvalidTokenError);
    await expect(verifier().verify(await sign(valid({ iat: seconds(clock) + CLOCK_TOLERANCE_SECONDS + 60 })))).rejects.toThrow(
      'token issued in the future',
    );
    // Within the tolerance a slightly fast issuer clock is fine.
    await expect(verifier().verify(await sign(valid({ iat: seconds(clock) + 5 })))).resolves.toMatchObject({ subject: 'user-1' });
  });

  it('refuses a token whose typ is not at+jwt (an ID token, a plain JWT) or that has none', async () => {
    for (const header of [{ typ: 'JWT' }, { typ: 'id_token+jwt' }, {}]) {
      await expect(verifier().verify(await sign(valid(), header))).rejects.toThrow(InvalidTokenError);
    }
    await expect(verifier().verify(await sign(valid(), { typ: 'application/at+jwt' }))).resolves.toMatchObject({ subject: 'user-1' });
  });

  it("refuses a token for another service's audience, or the old shared one", async () => {
    for (const aud of [serviceAudience('quality'), 'napl', [serviceAudience('quality'), serviceAudience('paths')]]) {
      await expect(verifier().verify(await sign(valid({ aud })))).rejects.toThrow(InvalidTokenError);
    }
  });

  it('refuses an expired token, and one of another issuer', async () => {
    await expect(verifier().verify(await sign(valid({ exp: seconds(clock) - CLOCK_TOLERANCE_SECONDS - 1 })))).rejects.toThrow('token expired');
    await expect(verifier().verify(await sign(valid({ iss: 'https://elsewhere.example' })))).rejects.toThrow(InvalidTokenError);
  });

  describe('its cache of verified tokens', () => {
    it('verifies a token once, and answers the same principal while it is cached', async () => {
      const subject = verifier();
      const token = await sign(valid());
      const first = await subject.verify(token);
      expect(await subject.verify(token)).toBe(first);
      expect(subject.signatureChecks).toBe(1);
      expect(subject.cachedTokens).toBe(1);
    });

    it('forgets a token after five minutes, and re-verifies it', async () => {
      const subject = verifier();
      const token = await sign(valid());
      await subject.verify(token);
      clock += 5 * 60_000 - 1;
      await subject.verify(token);
      expect(subject.signatureChecks).toBe(1);
      clock += 2;
      await subject.verify(token);
      expect(subject.signatureChecks).toBe(2);
    });

    it('never keeps a token past its exp', async () => {
      const subject = verifier();
      const token = await sign(valid({ exp: seconds(clock) + 60 }));
      await subject.verify(token);
      clock += 61_000 + CLOCK_TOLERANCE_SECONDS * 1000;
      await expect(subject.verify(token)).rejects.toThrow('token expired');
      expect(subject.cachedTokens).toBe(0);
    });

    it('drops the least recently used token when full', async () => {
      const subject = verifier({ cache: { maxEntries: 2 } });
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => sign(valid({ sub }))));
      await subject.verify(a);
      await subject.verify(b);
      await subject.verify(a); // a is now more recent than b
      await subject.verify(c); // b goes
      expect(subject.cachedTokens).toBe(2);
      expect(subject.signatureChecks).toBe(3);
      await subject.verify(a);
      await subject.verify(c);
      expect(subject.signatureChecks).toBe(3);
      await expect(subject.verify(b)).resolves.toMatchObject({ subject: 'b' });
      expect(subject.signatureChecks).toBe(4);
    });

    it('does not remember tokens that failed', async () => {
      const subject = verifier();
      await expect(subject.verify('not.a.token')).rejects.toThrow(InvalidTokenError);
      expect(subject.cachedTokens).toBe(0);
    });
  });
});

describe('DevIssuer', () => {
  it("issues at+jwt access tokens that every service's verifier accepts", async () => {
    const issuer = await DevIssuer.inMemory();
    const token = await issuer.issue(DEMO_ACCOUNTS['opleider-hanze']);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ typ: 'at+jwt' });
    for (const audience of DEV_AUDIENCES) {
      const principal = await new TokenVerifier({ issuer: DEV_ISSUER, audience, jwks: issuer.jwks }).verify(token);
      expect(principal.providerId).toBe(DEMO_ACCOUNTS['opleider-hanze'].providerId);
    }
  });

  it('issues a token narrowed to one audience when asked', async () => {
    const issuer = await DevIssuer.inMemory();
    const token = await issuer.issue(DEMO_ACCOUNTS['opleider-hanze'], '1h', serviceAudience('quality'));
    const catalogue = new TokenVerifier({ issuer: DEV_ISSUER, audience: serviceAudience('catalogue'), jwks: issuer.jwks });
    await expect(catalogue.verify(token)).rejects.toThrow(InvalidTokenError);
  });
});
