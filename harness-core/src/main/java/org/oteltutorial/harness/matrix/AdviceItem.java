package org.oteltutorial.harness.matrix;

/**
 * One manifest change that makes the chapter work at a cell's versions.
 *
 * @param file the manifest file it changes
 * @param change what to change, as a reader would apply it
 * @param why what breaks without it
 */
public record AdviceItem(String file, String change, String why) {
}
