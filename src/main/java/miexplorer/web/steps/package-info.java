/**
 * Worked steps that any page can show, whichever feature's they are: the explorers show them, and so
 * can the lesson or an exercise. One attention row ({@link miexplorer.web.steps.AttentionRowSteps}),
 * with its template in {@code templates/steps/}. A joint table's steps are part of its view
 * ({@code web.joint}, {@code templates/joint/steps.jte}); a three-variable table's slices are worked
 * with the same.
 */
package miexplorer.web.steps;
