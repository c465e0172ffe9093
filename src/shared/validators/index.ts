export * from './credit-code';
export * from './division-code';
export * from './full-width';
export * from './id-number';
export * from './phone';
export * from './province-codes';
