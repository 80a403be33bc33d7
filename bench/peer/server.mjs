// The peer of bench/peer_graphql.py: @neo4j/graphql on the same Neo4j as qkg, served by
// graphql-yoga on 127.0.0.1. Environment: NEO4J_URI (bolt://...), PORT. Prints READY once
// the schema is built and the database answered. `node server.mjs --check` builds the
// schema and exits (the type definitions are valid for @neo4j/graphql).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { createYoga } from "graphql-yoga";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const check = process.argv.includes("--check");
const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);

// Auth is off on the benchmark's server; the driver connects without a token.
const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (check) {
  await driver.close();
  console.log("typeDefs OK");
  process.exit(0);
}
await driver.verifyConnectivity();
// No logging, no masking beyond the defaults, no GraphiQL: the request path only.
const yoga = createYoga({ schema, graphiql: false, logging: false, landingPage: false });
const server = createServer(yoga);
server.keepAliveTimeout = 120_000;
server.listen(port, "127.0.0.1", () => console.log(`READY http://127.0.0.1:${port}/graphql`));

const stop = async () => {
  server.close();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
