/** The one page shape of every list endpoint of the suite. */
package cn.gov.lvliang.renewal.platform.paging;
