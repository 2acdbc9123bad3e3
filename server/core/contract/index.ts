/**
 * The realtime contract between the browser and the server: event maps for Socket.IO's
 * generics, the board events, the one Ack, and the protocol version. Pure types and constants,
 * so the browser bundle imports it without pulling in server code.
 */
export * from "./ack";
export * from "./board-events";
export * from "./events";
export * from "./version";
