#define BOOST_TEST_MODULE exchange_tests
#include <boost/test/unit_test.hpp>
