package io.lgc.report;

/**
 * One part of the page.
 *
 * @param id anchor and test handle, e.g. "samples"
 * @param body HTML, already escaped
 */
record Section(String id, String title, String body) {
}
