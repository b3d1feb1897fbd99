package io.ferrum.standards.plan;

/** One attribute that differs: its value now and after apply, as text ({@code null} when absent). */
public record AttributeChange(String name, String before, String after) {
}
