// Generated from Not AI Public API by notai-codegen. Do not edit.
/** This package's version, as published; the User-Agent header names it. */
export const VERSION = '2.0.0';
