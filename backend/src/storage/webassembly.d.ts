/**
 * The slice of the WebAssembly API the backend uses (pglite-thread-client.ts, which imports this
 * file so every program compiling it sees it): TypeScript declares it only in its DOM libraries,
 * and @types/node 20 not at all.
 */
declare global {
  namespace WebAssembly {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an opaque handle
    interface Module {}
    function compile(bytes: Uint8Array): Promise<Module>;
  }
}
export {};
