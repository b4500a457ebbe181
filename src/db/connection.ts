// The database connection's state, for the app to tell the person (see dbEvents in database.ts).
export { dbEvents, isDbOutdated } from './database'
