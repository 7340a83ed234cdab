/**
 * What the Jazzer fuzz tests ({@code *FuzzTest}) check on every input besides "no unexpected exception": an
 * {@link io.mqttreactive.netty.testing.fuzz.InspectableAllocator} that shows unreleased buffers and oversized
 * allocations at once, a {@link io.mqttreactive.netty.testing.fuzz.HeapAllocation} meter for the heap, and
 * {@link io.mqttreactive.netty.testing.fuzz.Segments} that replays an input in the reads a socket could cut
 * it into.
 *
 * <p>Without the environment variable {@code JAZZER_FUZZ} the fuzz tests only replay their committed corpus
 * ({@code src/test/resources/<package>/<TestClass>Inputs/<method>/}) as regression tests; the Maven profile
 * {@code fuzz} fuzzes them (see the impl module's pom).
 */
package io.mqttreactive.netty.testing.fuzz;
