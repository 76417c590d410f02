/**
 * Every HTTP error a service answers, whoever raises it (a controller, Spring MVC, the servlet
 * container), leaves as RFC 9457 problem JSON with the {@code error} member the original's clients read.
 */
package io.energysensors.web.problem;
