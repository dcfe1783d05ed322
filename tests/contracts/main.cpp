#define BOOST_TEST_MODULE contracts_tests
#include <boost/test/unit_test.hpp>
