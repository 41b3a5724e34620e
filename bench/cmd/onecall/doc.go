// Package onecall holds, one per directory, the programs whose binary
// size and cold compile time measure what breadth costs: each makes one
// call (Outbound Bot DescribeInstance, Contact Center GetInstance) with
// this SDK or with the official v1 SDK, which links its whole
// 136- (or 171-) operation package. breadth.sh builds and measures them;
// linked_test.go checks that the operations a program does not call are
// not linked into it.
package onecall
