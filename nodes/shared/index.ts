export * from './credentials';
export * from './executePerItem';
export * from './formEncoding';
export * from './parameters';
export * from './scrub';
export * from './secrets';
export * from './webhook';
