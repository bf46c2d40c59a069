// `server-only` throws outside React Server Components; integration tests call the service
// layer directly from Node, which is exactly the server side it guards.
export {};
