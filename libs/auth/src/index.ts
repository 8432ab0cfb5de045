export * from './principal';
export * from './token-verifier';
export * from './dev-issuer';
export * from './auth.guard';
export * from './auth.module';
export * from './demo-accounts';
