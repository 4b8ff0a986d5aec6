/**
 * The query API that the command line, the server and the library share: one facade per data source ({@link
 * yuelao.engine.api.VectorQueries} over a VECTORS directory, {@link yuelao.engine.api.PmiQueries} over a count store),
 * answering with the records of {@link yuelao.engine.api.Answers}, written as JSON by the one mapping of {@link
 * yuelao.engine.api.Json}. A failure a user caused is a {@link yuelao.engine.api.QueryException} (an unknown word, a
 * bad argument), never a silent default.
 */
package yuelao.engine.api;
