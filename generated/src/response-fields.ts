// Generated from Not AI Public API by notai-codegen. Do not edit.
declare module './runtime/response-meta.js' {
  interface ResponseHeaderFields {
    /** The `x-isnotai-tier` response header; undefined when the server did not send it. */
    readonly tier: string | undefined;
  }
}

export {};
