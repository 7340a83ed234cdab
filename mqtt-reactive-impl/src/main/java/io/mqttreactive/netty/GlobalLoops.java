package io.mqttreactive.netty;

import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpResources;

/**
 * The global loop resources of reactor-netty that the rest of the application most likely runs on: those of
 * reactor-netty-http ({@link HttpResources}, {@code reactor-http-*} threads), which Spring WebFlux's server and
 * {@code WebClient} use by default, when reactor-netty-http is on the class path or module path; otherwise those
 * of reactor-netty-core ({@link TcpResources}, {@code reactor-tcp-*} threads). reactor-netty-http is an optional
 * dependency: {@link HttpResources} is touched only after it was found.
 */
final class GlobalLoops {

    static final String HTTP_RESOURCES = "reactor.netty.http.HttpResources";

    private static final boolean HTTP_PRESENT = isPresent(HTTP_RESOURCES);

    private GlobalLoops() {
    }

    /** Returns the global loop resources, created by reactor-netty on first use and disposed by their owner. */
    static LoopResources get() {
        return HTTP_PRESENT ? Http.resources() : TcpResources.get();
    }

    static boolean isPresent(String className) {
        try {
            Class.forName(className, false, GlobalLoops.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** Loaded only when reactor-netty-http is present, so that its absence never fails class loading here. */
    private static final class Http {

        static LoopResources resources() {
            return HttpResources.get();
        }
    }
}
