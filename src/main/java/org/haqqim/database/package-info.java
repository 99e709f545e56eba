/**
 * The database connection: SQLite (WAL, synchronous=FULL) embedded by default, PostgreSQL
 * in production, one Flyway history for both.
 */
package org.haqqim.database;
