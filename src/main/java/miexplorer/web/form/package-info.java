/**
 * What a form sends and a URL says, both ways: a request's fields read once
 * ({@link miexplorer.web.form.Fields}), a table of cells as typed ({@link miexplorer.web.form.TableReader}),
 * a number as typed ({@link miexplorer.web.form.NumberInput}), the messages keyed by field
 * ({@link miexplorer.web.form.FieldErrors}), and the canonical query string written back
 * ({@link miexplorer.web.form.Query}) by a state as typed ({@link miexplorer.web.form.State}).
 */
package miexplorer.web.form;
