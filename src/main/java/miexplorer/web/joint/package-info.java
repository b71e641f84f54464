/**
 * The joint table: as typed ({@link miexplorer.web.joint.JointInput}, its {@link miexplorer.web.joint.Kind}
 * and {@link miexplorer.web.joint.TableSettings}), checked by the rules every table of cells meets
 * ({@link miexplorer.web.joint.TableRules}), analysed and shown ({@link miexplorer.web.joint.JointView}:
 * its numbers, its two diagrams and every worked step, rendered by the templates in
 * {@code templates/joint/}, with the settings block of every explorer of tables). The joint-table
 * explorer shows its own table with it, the three-variable explorer each slice, the attention explorer
 * the joint table its matrix makes, and the data page links its table of counts to it.
 */
package miexplorer.web.joint;
