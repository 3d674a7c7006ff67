package main

import (
	"os"
	"os/signal"
	"syscall"
)

func main() {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sig
		// Leave no half-written output behind, then die as the signal asked.
		pendingFiles.removeAll()
		code := 130
		if s == syscall.SIGTERM {
			code = 143
		}
		os.Exit(code)
	}()
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
