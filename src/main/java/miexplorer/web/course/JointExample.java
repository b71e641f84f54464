package miexplorer.web.course;

import miexplorer.web.explorer.Example;
import miexplorer.web.joint.JointInput;

/**
 * One of the joint-table explorer's examples together with its table, for a page that computes with
 * the examples themselves (the lesson's table of properties) rather than only linking to them.
 */
public record JointExample(Example example, JointInput table) {
}
