package rpc

// RegionalHost returns the documented regional endpoint of a product:
// <product>.<region>.aliyuncs.com.
func RegionalHost(product, region string) string {
	return product + "." + region + ".aliyuncs.com"
}
