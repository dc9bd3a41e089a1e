package dev.backupdoctor.engine;

import java.util.function.Supplier;

/** Computes a value on first use, once, for any number of threads. */
public final class Memo<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private volatile T value;

    public Memo(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T result = value;
        if (result == null) {
            synchronized (this) {
                result = value;
                if (result == null) {
                    result = compute.get();
                    value = result;
                }
            }
        }
        return result;
    }
}
