package io.legalhub.production;

/**
 * One line of an Opticon OPT: one page image.
 *
 * @param line          1-based line in the OPT (0 for pages built in code, e.g. for the writer)
 * @param imageKey      the page's Bates number
 * @param volume        the production volume
 * @param imagePath     where the image file lies, relative to the volume
 * @param documentBreak true on a document's first page
 * @param folderBreak   true where a new folder starts
 * @param boxBreak      true where a new box starts
 * @param pageCount     the document's page count, given on its first page (null when not given)
 */
public record OptPage(int line, String imageKey, String volume, String imagePath, boolean documentBreak,
                      boolean folderBreak, boolean boxBreak, Integer pageCount) {
}
