package io.energysensors.web.body;

/** A line of a body, with its 1-based number in that body (blank lines still count). */
public record NumberedLine(int number, String text) {}
