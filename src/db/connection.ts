// The database connection's state, for the app to tell the person (see dbEvents in schema.ts).
export { dbEvents, isDbOutdated } from './schema'
