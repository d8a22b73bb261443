package io.newsdesk.text;

/**
 * What a body needs to show an uploaded photo: its largest rendition, a {@code srcset} of the
 * ladder, its size (so the page does not shift as it loads), and the words the library keeps for
 * it. Made by the media library; the text package only writes it out.
 */
public record Figure(
    String src, String srcset, int width, int height, String alt, String caption) {}
