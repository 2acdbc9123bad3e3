import { createContext, useContext } from "react";

/** The per-response CSP nonce Remix's inline scripts carry (empty in the browser, which hides it anyway). */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
