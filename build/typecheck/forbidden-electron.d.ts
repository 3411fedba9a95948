// Deliberately empty: services/ and db/ map `electron` here so that any import of it fails to type-check.
export {};
declare const forbidden: never;
export default forbidden;
