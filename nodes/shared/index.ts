export * from './credentials';
export * from './executePerItem';
export * from './formEncoding';
export * from './scrub';
export * from './secrets';
export * from './webhook';
