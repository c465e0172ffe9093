export * from './credit-code.js';
export * from './division-code.js';
export * from './full-width.js';
export * from './id-number.js';
export * from './phone.js';
export * from './province-codes.js';
